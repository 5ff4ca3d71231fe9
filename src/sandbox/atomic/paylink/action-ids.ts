import type { Action } from '../types.js';

/**
 * Action ids: the reference shows "BASE64_ENCODED_ID"; here they are the base64 of
 * `accountId:billId:type`, so an id says which account, bill and action it is.
 */
export function actionId(accountId: string, billId: string | undefined, type: string): string {
  return Buffer.from(`${accountId}:${billId ?? ''}:${type}`).toString('base64');
}

export function action(accountId: string, billId: string | undefined, type: string, automated: boolean): Action {
  const id = actionId(accountId, billId, type);
  return { type, id, actionId: id, automated };
}

export const accountActions = (accountId: string): Action[] => [
  action(accountId, undefined, 'view-account', false),
  action(accountId, undefined, 'refresh', true),
];
