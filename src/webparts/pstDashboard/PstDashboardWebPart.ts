import { PstView } from '../../components/shell/PstApp';
import { PstWebPartBase } from '../common/PstWebPartBase';

export default class PstDashboardWebPart extends PstWebPartBase {
  protected readonly view: PstView = 'dashboard';
}
