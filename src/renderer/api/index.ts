export { ApiError, setApi, getApi, request, subscribe, errorMessage } from './client';
