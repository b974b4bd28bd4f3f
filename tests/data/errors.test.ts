import {
  BusyError,
  ConflictError,
  ForbiddenError,
  InvalidRequestError,
  NetworkError,
  NotFoundError,
  PstError,
  UnexpectedError,
} from '../../src/data/errors';
import type { ActionDetails } from '../../src/data/actionDetails';
import { createAction } from '../../src/domain/model';

const http = (status: number, message = 'HTTP') => Object.assign(new Error(message), { status });

describe('PstError.from: what PnPjs or fetch throws, by kind', () => {
  it('names the HTTP statuses the UI tells apart', () => {
    expect(PstError.from(http(401))).toBeInstanceOf(ForbiddenError);
    expect(PstError.from(http(403))).toBeInstanceOf(ForbiddenError);
    expect(PstError.from(http(404))).toBeInstanceOf(NotFoundError);
    expect(PstError.from(http(400))).toBeInstanceOf(InvalidRequestError);
    expect(PstError.from(http(429))).toBeInstanceOf(BusyError);
    expect(PstError.from(http(503))).toBeInstanceOf(BusyError);
    expect(PstError.from(new TypeError('Failed to fetch'))).toBeInstanceOf(NetworkError);
  });

  it('keeps the status in the detail of any other failure, and the original error', () => {
    const original = http(500, 'Internal Server Error');
    const failure = PstError.from(original);
    expect(failure).toBeInstanceOf(UnexpectedError);
    expect(failure.detail).toBe('500 Internal Server Error');
    expect(failure.original).toBe(original);
    expect(PstError.from('boom').detail).toBe('boom');
  });

  it('recognises a conflict, also one from another bundle, and returns a translated error as is', () => {
    const current = { action: createAction({ id: 7, title: 'x' }), etag: '"2"', indicators: [], checkIns: [], canEdit: true, modifiedBy: null, modified: null } as ActionDetails;
    const conflict = new ConflictError(current);
    expect(PstError.from(conflict)).toBe(conflict);
    const foreign = Object.assign(new Error('autre bundle'), { name: 'ConflictError', current });
    const translated = PstError.from(foreign);
    expect(translated).toBeInstanceOf(ConflictError);
    expect((translated as ConflictError).current).toBe(current);
    const busy = new BusyError('plus tard');
    expect(PstError.from(busy)).toBe(busy);
  });
});
