// The server's typed form of a request of common/src/protocol.ts, for `connection.onRequest`.
// The client builds its own from the same signature: vscode-languageserver and
// vscode-languageclient each bundle their own vscode-jsonrpc (today 9.0.3 and 10.0.0), and a
// RequestType of one is not one of the other, to the compiler (a private field) or at run time
// (ParameterStructures instances).
import { RequestType, RequestType0 } from 'vscode-languageserver';
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
