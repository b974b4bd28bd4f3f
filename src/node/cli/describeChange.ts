import { ProvisioningChange } from '../../data/provisioning';
import { listByKey } from '../../schema/listSchema';

export function describeChange(change: ProvisioningChange): string {
  const list = listByKey(change.list).title.fr;
  switch (change.kind) {
    case 'listCreated':
      return `liste créée : ${list}`;
    case 'fieldAdded':
      return `colonne ajoutée : ${list} / ${change.field}`;
    case 'fieldIndexed':
      return `colonne indexée : ${list} / ${change.field}`;
  }
}
