import { PstView } from '../../components/shell/PstApp';
import { PstWebPartBase } from '../common/PstWebPartBase';

export default class ProjectCardsWebPart extends PstWebPartBase {
  protected readonly view: PstView = 'cards';
}
