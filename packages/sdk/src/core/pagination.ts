/**
 * Page-number pagination as the DHMAD API does it (`?page&limit`, answered with
 * `{ <items>: [...], pagination: { page, limit, total, pages } }`).
 *
 * `list()` returns a {@link PagePromise}: `await` it for the first page, or
 * `for await` over it for every item of every page, fetched one page at a time.
 */
import type { Pagination } from '../types.js';
import { DhmadError } from './errors.js';
import type { RequestOptions } from '../internal/request-options.js';

export interface PageParams {
  /** 1-based page number (default 1). */
  page?: number;
  /** Items per page, 1-100 (default 20). */
  limit?: number;
}

/** Fetches one page for the given params; the resource supplies it. */
export type PageFetcher<Item, Params extends PageParams> = (params: Params, options?: RequestOptions) => Promise<Page<Item, Params>>;

export class Page<Item, Params extends PageParams = PageParams> implements AsyncIterable<Item> {
  /** The items of this page. */
  readonly data: Item[];
  readonly pagination: Pagination;
  readonly #params: Params;
  readonly #options: RequestOptions | undefined;
  readonly #fetch: PageFetcher<Item, Params>;

  constructor(data: Item[], pagination: Pagination, params: Params, options: RequestOptions | undefined, fetcher: PageFetcher<Item, Params>) {
    this.data = data;
    this.pagination = pagination;
    this.#params = params;
    this.#options = options;
    this.#fetch = fetcher;
  }

  hasNextPage(): boolean {
    // An empty page ends the walk even if `pages` says otherwise (items deleted meanwhile).
    return this.data.length > 0 && this.#number < this.pagination.pages;
  }

  /** The page that was asked for; the answer's `pagination.page` must be the same (checked when walking). */
  get #number(): number {
    return this.#params.page ?? 1;
  }

  /**
   * The following page, with the same params and request options. Throws if there is none, and
   * when the answer is another page than the one asked for: something on the way that ignores the
   * query string (a cache keyed on the path alone) would hand out page 1 again and again, and a
   * walk that trusted it would never end.
   */
  async getNextPage(): Promise<Page<Item, Params>> {
    if (!this.hasNextPage()) {
      throw new Error('No next page: check hasNextPage() before calling getNextPage().');
    }
    const wanted = this.#number + 1;
    const next = await this.#fetch({ ...this.#params, page: wanted }, this.#options);
    if (next.pagination.page !== wanted) {
      throw new DhmadError(
        `Asked for page ${wanted} and the answer is page ${String(next.pagination.page)}: something between here and the DHMAD API (a proxy or cache) ignores the query string, so the list cannot be read page by page.`,
      );
    }
    return next;
  }

  /** Every page from this one on. */
  async *iterPages(): AsyncGenerator<Page<Item, Params>> {
    yield this;
    let next = this.hasNextPage() ? await this.getNextPage() : undefined;
    while (next !== undefined) {
      yield next;
      next = next.hasNextPage() ? await next.getNextPage() : undefined;
    }
  }

  /** Every item from this page on, across pages. */
  async *[Symbol.asyncIterator](): AsyncIterator<Item> {
    for await (const page of this.iterPages()) yield* page.data;
  }
}

/**
 * The first page, lazily: nothing is sent until it is awaited or iterated, so
 * a `list()` that is never used costs nothing and cannot reject unhandled.
 */
export class PagePromise<Item, Params extends PageParams = PageParams>
  implements PromiseLike<Page<Item, Params>>, AsyncIterable<Item>
{
  readonly #load: () => Promise<Page<Item, Params>>;
  #promise: Promise<Page<Item, Params>> | undefined;

  constructor(load: () => Promise<Page<Item, Params>>) {
    this.#load = load;
  }

  #first(): Promise<Page<Item, Params>> {
    this.#promise ??= this.#load();
    return this.#promise;
  }

  then<R1 = Page<Item, Params>, R2 = never>(
    onfulfilled?: ((value: Page<Item, Params>) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#first().then(onfulfilled, onrejected);
  }

  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<Page<Item, Params> | R> {
    return this.#first().catch(onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<Page<Item, Params>> {
    return this.#first().finally(onfinally);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Item> {
    const first = await this.#first();
    yield* first;
  }

  get [Symbol.toStringTag](): string {
    return 'PagePromise';
  }
}
