/**
 * Teams activity-feed notifications from the reminder job (app-only Graph,
 * `TeamsActivity.Send`): « 3 actions du PST demandent votre attention » in the lead's
 * Teams activity feed, opening the « Mes actions » personal app. Teams only delivers them
 * for an app installed for the user whose manifest's `webApplicationInfo.id` is the
 * job's Entra app and which declares the activity type (see src/teams/teamsManifest.ts).
 * https://learn.microsoft.com/en-us/graph/teams-send-activityfeednotifications
 */
import type { Client } from '@microsoft/microsoft-graph-client';

/** The activity type the manifest declares and the job sends: one name for both. */
export const PST_ACTIVITY_TYPE = 'actionsNeedAttention';

export interface ActivityNotification {
  /** Actions in the lead's digest. */
  readonly count: number;
  /** One line under the notification (the digest's subject). */
  readonly preview: string;
  /**
   * Teams' `chainId`: a second notification with the same chain replaces the first instead of
   * adding one, so a notice sent again after a crash still shows once (see reminderRun.ts).
   */
  readonly chainId: number;
}

/** The notice's chain for a digest: derived from its Message-ID, so every retry of the same digest shares it. */
export function chainIdFor(messageId: string): number {
  const fnv = (seed: number): number => {
    let hash = seed;
    for (let i = 0; i < messageId.length; i++) {
      hash ^= messageId.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash;
  };
  // 21 + 32 bits: a positive Int64 that a JavaScript number and JSON carry exactly.
  return (fnv(0x811c9dc5) & 0x1fffff) * 0x100000000 + fnv(0x01000193);
}

export interface ActivityFeed {
  notify(recipientEmail: string, notification: ActivityNotification): Promise<void>;
}

export class GraphActivityFeed implements ActivityFeed {
  constructor(
    private readonly client: Client,
    /** Teams' deep link to the « Mes actions » tab of the PST app. */
    private readonly webUrl: string,
  ) {}

  async notify(recipientEmail: string, notification: ActivityNotification): Promise<void> {
    await this.client.api(`/users/${encodeURIComponent(recipientEmail)}/teamwork/sendActivityNotification`).post({
      topic: { source: 'text', value: 'PST', webUrl: this.webUrl },
      activityType: PST_ACTIVITY_TYPE,
      chainId: notification.chainId,
      // Teams cuts the preview at 150 characters.
      previewText: { content: notification.preview.slice(0, 150) },
      templateParameters: [{ name: 'count', value: String(notification.count) }],
    });
  }
}
