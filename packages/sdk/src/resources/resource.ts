import type { Dhmad } from '../client.js';

/** A group of endpoints; each method is a few lines over `Dhmad.request`. */
export abstract class APIResource {
  protected readonly _client: Dhmad;
  constructor(client: Dhmad) {
    this._client = client;
  }
}
