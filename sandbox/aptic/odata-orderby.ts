/** `$orderby=dueDate desc, invoiceNumber` -> a list of sort keys, validated against the field types. */
import { FilterError } from './odata-filter';
import { resolveField, type FieldType, type FieldTypes } from './odata-fields';

export interface SortKey {
  field: string;
  type: FieldType;
  descending: boolean;
}

export function parseOrderBy(orderBy: string, fields: FieldTypes): SortKey[] {
  const keys: SortKey[] = [];
  for (const part of orderBy.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [name = '', direction = 'asc', ...rest] = part.split(/\s+/);
    const field = resolveField(fields, name);
    if (!field) throw new FilterError(`cannot order by unknown field '${name}'`);
    const dir = direction.toLowerCase();
    if (rest.length > 0 || (dir !== 'asc' && dir !== 'desc')) throw new FilterError(`'${part}' is not "field [asc|desc]"`);
    keys.push({ field: field.name, type: field.type, descending: dir === 'desc' });
  }
  return keys;
}
