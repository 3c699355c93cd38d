/** The announcement part of a post view (feed-service `AnnouncementView`). */
export interface AnnouncementInfo {
  audience: { everyone: boolean; departments: string[]; locations: string[]; groups: string[] };
  mustRead: boolean;
  pinnedUntil: string | null;
  expiresAt: string | null;
  publishAt: string | null;
  seen: boolean;
  acknowledged: boolean;
  acknowledgedAt: string | null;
}

/** A post view as the announcement screens use it (feed-service `PostView`; `body` is sanitized HTML). */
export interface AnnouncementPost {
  id: string;
  kind: string;
  authorId: string;
  authorName: string;
  authorHandle: string | null;
  authorFormer: boolean;
  body: string;
  groupId: string | null;
  groupName: string | null;
  links: { url: string; title: string | null }[];
  commentCount: number;
  edited: boolean;
  createdAt: string;
  announcement: AnnouncementInfo | null;
}

/** One department or location of the audience (`name` null: people without one). */
export interface ReachPart {
  name: string | null;
  audience: number;
  seen: number;
  acknowledged: number;
}

/** `GET /api/announcements/{id}/reach`: rates are fractions of the audience. */
export interface Reach {
  audience: number;
  seen: number;
  acknowledged: number;
  seenRate: number;
  acknowledgedRate: number;
  byDepartment: ReachPart[];
  byLocation: ReachPart[];
}

/** Someone in the audience who has not acknowledged (`seenAt` null: not even seen). */
export interface Pending {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  department: string | null;
  location: string | null;
  seenAt: string | null;
}

/** profile-service `/api/profiles/departments` and `/locations`. */
export interface HeadCount {
  name: string;
  headCount: number;
}

/** feed-service `GroupView`. */
export interface Group {
  id: string;
  name: string;
  description: string | null;
  visibility: 'PUBLIC' | 'PRIVATE';
  memberCount: number;
  myRole: string | null;
}
