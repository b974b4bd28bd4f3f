import { PstView } from '../../components/PstApp';
import { PstWebPartBase } from '../common/PstWebPartBase';

export default class ObjectiveTreeWebPart extends PstWebPartBase {
  protected readonly view: PstView = 'tree';
}
