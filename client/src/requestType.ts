// The client's typed form of a request of common/src/protocol.ts, for `client.sendRequest`.
// The server builds its own from the same signature: vscode-languageclient and
// vscode-languageserver each bundle their own vscode-jsonrpc (today 10.0.0 and 9.0.3), and a
// RequestType of one is not one of the other, to the compiler (a private field) or at run time
// (ParameterStructures instances).
import { RequestType, RequestType0 } from 'vscode-languageclient';
import type { RequestSignature, RequestSignature0 } from '../../common/src/protocol';

export function requestType<R>(signature: RequestSignature0<R>): RequestType0<R, void>;
export function requestType<P, R>(signature: RequestSignature<P, R>): RequestType<P, R, void>;
export function requestType<P, R>(
  signature: RequestSignature0<R> | RequestSignature<P, R>,
): RequestType0<R, void> | RequestType<P, R, void> {
  return signature.numberOfParams === 0
    ? new RequestType0<R, void>(signature.method)
    : new RequestType<P, R, void>(signature.method);
}
