import type { Insertable } from 'kysely';
import type { Db } from '../connection.js';
import type { OrgScope } from '../scope.js';
import type { MeterReadingTable } from '../schema.js';

export type NewMeterReading = Omit<Insertable<MeterReadingTable>, 'tenant_id' | 'organization_id' | 'id' | 'created_at'>;

export async function insertMeterReadings(db: Db, scope: OrgScope, readings: readonly NewMeterReading[]): Promise<void> {
  if (readings.length === 0) return;
  await db
    .insertInto('meter_readings')
    .values(readings.map((r) => ({ tenant_id: scope.tenantId, organization_id: scope.organizationId, ...r })))
    .execute();
}
