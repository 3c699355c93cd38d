/** The notification types (ARCHITECTURE §6), in the order the preferences table lists them. */
export const NOTIFICATION_TYPES = ['MENTION', 'COMMENT', 'REACTION', 'RECOGNITION', 'ANNOUNCEMENT', 'FOLLOW', 'GROUP'] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** What each type is called on screen. */
export const TYPE_LABELS: Record<NotificationType, string> = {
  MENTION: 'Mention',
  COMMENT: 'Comment',
  REACTION: 'Reaction',
  RECOGNITION: 'Recognition',
  ANNOUNCEMENT: 'Announcement',
  FOLLOW: 'New follower',
  GROUP: 'Group',
};

/** A list item (notification-service `NotificationView`); `text` is plain text, rendered as text. */
export interface NotificationItem {
  id: string;
  type: NotificationType;
  actorId: string | null;
  actorName: string | null;
  actorCount: number;
  postId: string | null;
  commentId: string | null;
  groupId: string | null;
  subject: { kind: 'POST' | 'COMMENT' | 'GROUP' | 'PERSON'; id: string | null } | null;
  mustRead: boolean;
  text: string;
  read: boolean;
  createdAt: string;
}

export interface UnreadCount {
  count: number;
}

export interface Channels {
  inApp: boolean;
  email: boolean;
}

/** `GET|PUT /api/notification-preferences` (`PreferencesBody`): a PUT replaces all of it. */
export interface Preferences {
  channels: Partial<Record<NotificationType, Channels>>;
  muted: { posts: string[]; groups: string[] };
  subscribed: { groups: string[] };
  quietHours: { from: string; to: string } | null;
  timeZone: string;
  digest: 'DAILY' | 'WEEKLY' | 'OFF';
}

/** Where a notification takes its reader: the announcement, the post (at the comment), the group or the person. */
export function linkOf(n: NotificationItem): string {
  if (n.type === 'ANNOUNCEMENT' && n.postId) return `/announcements#announcement-${n.postId}`;
  if (n.postId) return n.commentId ? `/posts/${n.postId}#comment-${n.commentId}` : `/posts/${n.postId}`;
  if (n.groupId) return `/groups/${n.groupId}`;
  const person = n.subject?.kind === 'PERSON' ? n.subject.id : n.actorId;
  return person ? `/people/${person}` : '/notifications';
}

/** The unread count caps at 1,000 on the server: show "999+" beyond. */
export function countText(count: number): string {
  return count > 999 ? '999+' : String(count);
}
