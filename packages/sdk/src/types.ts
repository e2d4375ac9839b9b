// The contract's shapes, named. Generated from openapi.yaml (see scripts/generate-types.mjs);
// everything else in the toolkit imports these names rather than the generated file.
import type { components } from './generated/openapi.generated.js';

type Schemas = components['schemas'];

export type Scope = Schemas['Scope'];
export type Metadata = Schemas['Metadata'];
export type ApiKey = Schemas['ApiKey'];
export type MeApiKey = Schemas['MeApiKey'];
export type Developer = Schemas['Developer'];
export type MeResponse = Schemas['MeResponse'];
export type Pagination = Schemas['Pagination'];
export type ApiKeyListResponse = Schemas['ApiKeyListResponse'];
export type ApiKeyResponse = Schemas['ApiKeyResponse'];
export type ApiKeyWithSecretResponse = Schemas['ApiKeyWithSecretResponse'];
export type MessageResponse = Schemas['MessageResponse'];
export type ApiKeyCreateParams = Schemas['ApiKeyCreateParams'];
export type ApiKeyUpdateParams = Schemas['ApiKeyUpdateParams'];
export type Usage = Schemas['Usage'];
export type UsageResponse = Schemas['UsageResponse'];
export type AuthFailureReason = Schemas['AuthFailureReason'];
export type ErrorBody = Schemas['Error'];
