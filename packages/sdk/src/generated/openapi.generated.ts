// Generated from openapi.yaml by scripts/generate-types.mjs. Do not edit; run `npm run generate -w @dhmad/sdk`.

export interface paths {
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The calling key and its developer account
         * @description The documented way to check that a key works, is active, and which environment it belongs to. Works without account association.
         */
        get: operations["retrieveMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List keys (never secrets) */
        get: operations["listApiKeys"];
        put?: never;
        /** Create a key; the secret is in this response only */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["KeyId"];
            };
            cookie?: never;
        };
        /** One key */
        get: operations["retrieveApiKey"];
        put?: never;
        post?: never;
        /** Delete a key for good */
        delete: operations["deleteApiKey"];
        options?: never;
        head?: never;
        /** Rename, activate or deactivate, change limits */
        patch: operations["updateApiKey"];
        trace?: never;
    };
    "/api-keys/{id}/regenerate": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["KeyId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A new secret for the same key; the old secret stops working at once
         * @description The key keeps its id, name and `createdAt`; its `keyPrefix` changes and `secretCreatedAt` becomes the time of this call.
         */
        post: operations["regenerateApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api-keys/{id}/usage": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["KeyId"];
            };
            cookie?: never;
        };
        /** Per-day request counts */
        get: operations["retrieveApiKeyUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ObjectId: string;
        /** @enum {string} */
        Environment: "live" | "sandbox";
        /**
         * @description `keys:manage` allows the `/api-keys` endpoints. Application keys carry no scope.
         * @enum {string}
         */
        Scope: "keys:manage";
        /** @description Free-form string values, such as `appName` and `website`. */
        Metadata: {
            [key: string]: string;
        };
        ApiKey: {
            id: components["schemas"]["ObjectId"];
            name: string;
            /** @description Type prefix plus the first 6 hex characters of the secret; safe to show. */
            keyPrefix: string;
            environment: components["schemas"]["Environment"];
            isActive: boolean;
            /** Format: date-time */
            lastUsedAt: string | null;
            /** Format: date-time */
            expiresAt: string | null;
            /** @description Requests per minute */
            rateLimit: number;
            metadata: components["schemas"]["Metadata"];
            scopes: components["schemas"]["Scope"][];
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description When the key's current secret was made, at creation or at its last regeneration. The age of a key is the age of its secret.
             */
            secretCreatedAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        /** @description The `apiKey` object of `GET /me`, exactly as the real API documents it. */
        MeApiKey: {
            id: components["schemas"]["ObjectId"];
            name: string;
            keyPrefix: string;
            environment: components["schemas"]["Environment"];
            isActive: boolean;
            /** Format: date-time */
            lastUsedAt: string | null;
            /** Format: date-time */
            expiresAt: string | null;
            rateLimit: number;
            metadata: components["schemas"]["Metadata"];
            /** Format: date-time */
            createdAt: string;
        };
        Developer: {
            id: components["schemas"]["ObjectId"];
            email: string;
            companyName: string | null;
        };
        MeResponse: {
            apiKey: components["schemas"]["MeApiKey"];
            developer: components["schemas"]["Developer"];
        };
        Pagination: {
            page: number;
            limit: number;
            total: number;
            pages: number;
        };
        ApiKeyListResponse: {
            apiKeys: components["schemas"]["ApiKey"][];
            pagination: components["schemas"]["Pagination"];
        };
        ApiKeyResponse: {
            apiKey: components["schemas"]["ApiKey"];
        };
        ApiKeyWithSecretResponse: {
            message: string;
            apiKey: components["schemas"]["ApiKey"];
            /** @description The secret, shown in this response only. */
            key: string;
        };
        MessageResponse: {
            message: string;
        };
        ApiKeyCreateParams: {
            name: string;
            /** @description When given, must equal the host's environment. */
            environment?: components["schemas"]["Environment"];
            /** @description Requests per minute */
            rateLimit?: number;
            /** Format: date-time */
            expiresAt?: string | null;
            metadata?: components["schemas"]["Metadata"];
            scopes?: components["schemas"]["Scope"][];
        };
        ApiKeyUpdateParams: {
            name?: string;
            isActive?: boolean;
            rateLimit?: number;
            /** Format: date-time */
            expiresAt?: string | null;
            metadata?: components["schemas"]["Metadata"];
        };
        Usage: {
            keyId: components["schemas"]["ObjectId"];
            days: {
                /**
                 * Format: date
                 * @description UTC day
                 */
                date: string;
                requests: number;
                errors: number;
            }[];
            total: number;
        };
        UsageResponse: {
            usage: components["schemas"]["Usage"];
        };
        /** @enum {string} */
        AuthFailureReason: "missing" | "malformed" | "unknown" | "inactive" | "expired" | "regenerated" | "wrong_environment";
        Error: {
            /** @description The HTTP reason phrase (Bad Request, Unauthorized, Forbidden, Not Found, Conflict, Too Many Requests, Internal Server Error). */
            error: string;
            /** @description Human-readable description */
            message: string;
            /** @description Per-field problems for 400s; `reason` (an AuthFailureReason) for 401s. */
            details?: {
                [key: string]: unknown;
            };
            /** @description Seconds to wait; on 429 only. */
            retryAfter?: number;
        };
    };
    responses: {
        /** @description The request was invalid; `details` names each field. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Missing, malformed, unknown, inactive, expired or regenerated key, or a key of the wrong environment; `details.reason` says which. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The key is valid but may not do this (no `keys:manage` scope, or the account is not associated). */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No such key in this environment and account. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description An `Idempotency-Key` was reused with a different request, or is still being processed. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Over the rate limit; `retryAfter` says how many seconds to wait. */
        TooManyRequests: {
            headers: {
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Something went wrong on DHMAD's side; safe to retry. */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        KeyId: components["schemas"]["ObjectId"];
        Page: number;
        Limit: number;
        /** @description Replays the first response to a retried POST for 24 hours. */
        IdempotencyKey: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    retrieveMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The calling key and its developer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listApiKeys: {
        parameters: {
            query?: {
                page?: components["parameters"]["Page"];
                limit?: components["parameters"]["Limit"];
                isActive?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of keys */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response to a retried POST for 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiKeyCreateParams"];
            };
        };
        responses: {
            /** @description The created key and its secret, shown once */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyWithSecretResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    retrieveApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["KeyId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    deleteApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["KeyId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    updateApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["KeyId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiKeyUpdateParams"];
            };
        };
        responses: {
            /** @description The updated key */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    regenerateApiKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response to a retried POST for 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["KeyId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key and its new secret, shown once */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyWithSecretResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    retrieveApiKeyUsage: {
        parameters: {
            query?: {
                days?: number;
            };
            header?: never;
            path: {
                id: components["parameters"]["KeyId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Usage over the last `days` days, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsageResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
}
