export { validateDraft, errorFor, getPath, setPath, cloneDraft, dataDefaults, DATA_KINDS, defaultDraft, pairedArch, pairConfigs, parseDraftJson, defaultFor, asText, getString } from './configDraft';
export type { Draft, Validation, DataKind } from './configDraft';
export { useNow } from './useNow';
export { downloadUrl, downloadText, slug } from './download';
