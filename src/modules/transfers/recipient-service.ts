import type { EntityManager } from '@mikro-orm/knex';
import { randomUUID } from 'node:crypto';
import type { TokenCipher } from '../../crypto/token-cipher.js';
import { TransferRecipient, type TransferRecipientEntity } from '../../db/entities/index.js';
import { badUserInput } from '../../errors/app-error.js';
import type { TenantScope } from '../users/tenant-scope.js';
import { publicId } from '../../crypto/public-id.js';

export interface RecipientInput {
  userId: string;
  name: string;
  routingNumber: string;
  accountNumber: string;
  accountType: 'checking' | 'savings';
}

export interface RecipientView {
  id: string;
  name: string;
  routingNumber: string;
  mask: string;
  accountType: 'checking' | 'savings';
  createdAt: string;
}

/** ABA routing numbers carry a checksum: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10). */
export function isValidRoutingNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const d = [...value].map(Number);
  const sum = 3 * (d[0]! + d[3]! + d[6]!) + 7 * (d[1]! + d[4]! + d[7]!) + (d[2]! + d[5]! + d[8]!);
  return sum % 10 === 0;
}

const toView = (r: TransferRecipientEntity): RecipientView => ({
  id: r.publicId,
  name: r.name,
  routingNumber: r.routingNumber,
  mask: r.mask,
  accountType: r.accountType,
  createdAt: r.createdAt.toISOString(),
});

/** Saved transfer destinations of a partner's users; account numbers are sealed and never shown again. */
export class RecipientService {
  constructor(
    private readonly em: EntityManager,
    private readonly tenant: TenantScope,
    private readonly cipher: TokenCipher,
  ) {}

  async create(input: RecipientInput): Promise<RecipientView> {
    const name = input.name.trim();
    if (name === '' || name.length > 200) throw badUserInput('name must be 1 to 200 characters.', { field: 'name' });
    if (!isValidRoutingNumber(input.routingNumber)) throw badUserInput('routingNumber must be a valid 9-digit ABA routing number.', { field: 'routingNumber' });
    if (!/^\d{4,17}$/.test(input.accountNumber)) throw badUserInput('accountNumber must be 4 to 17 digits.', { field: 'accountNumber' });
    const user = await this.tenant.ensureUser(input.userId);
    const id = randomUUID();
    const sealed = this.cipher.seal(input.accountNumber, id);
    const row = this.em.create(TransferRecipient, {
      id,
      publicId: publicId('rcp'),
      endUser: user.id,
      name,
      routingNumber: input.routingNumber,
      accountNumberCiphertext: sealed.ciphertext,
      accountNumberKeyId: sealed.keyId,
      mask: input.accountNumber.slice(-4),
      accountType: input.accountType,
      createdAt: new Date(),
    });
    await this.em.flush();
    return toView(row);
  }

  async list(userId: string): Promise<RecipientView[]> {
    const user = await this.tenant.findUser(userId);
    if (!user) return [];
    return (await this.em.find(TransferRecipient, { endUser: user.id }, { orderBy: { createdAt: 'asc', id: 'asc' } })).map(toView);
  }
}
