import { PstView } from '../../components/shell/PstApp';
import { PstWebPartBase } from '../common/PstWebPartBase';

export default class ObjectiveTreeWebPart extends PstWebPartBase {
  protected readonly view: PstView = 'tree';
}
