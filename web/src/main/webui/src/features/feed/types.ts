// The shapes feed-service answers, field for field (feed-service api/*View.java); search-service's suggestions are
// the shell's (shell/suggest.ts). Instants arrive as ISO-8601 strings.

export interface Link {
  url: string;
  title: string | null;
}

export interface PersonRef {
  id: string;
  displayName: string;
  username: string;
}

export interface RecognitionInfo {
  value: string;
  badge: string | null;
  recipients: PersonRef[];
}

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

export type ReactionType = 'LIKE' | 'CELEBRATE' | 'SUPPORT' | 'INSIGHTFUL' | 'FUNNY';

export type ReactionCounts = Partial<Record<ReactionType, number>>;

/** `PostView`: `body` is sanitized HTML; `mentions` are the employee ids its `@handles` resolved to. */
export interface Post {
  id: string;
  kind: 'UPDATE' | 'RECOGNITION' | 'ANNOUNCEMENT';
  authorId: string;
  authorName: string | null;
  authorHandle: string | null;
  authorFormer: boolean;
  body: string;
  groupId: string | null;
  groupName: string | null;
  links: Link[];
  mentions: string[];
  hashtags: string[];
  reactions: ReactionCounts;
  myReaction: ReactionType | null;
  commentCount: number;
  edited: boolean;
  revision: number;
  createdAt: string;
  editedAt: string | null;
  recognition: RecognitionInfo | null;
  announcement: AnnouncementInfo | null;
}

/** `CommentView`; `parentId` is null for a top-level comment (one level of replies). */
export interface Comment {
  id: string;
  postId: string;
  parentId: string | null;
  authorId: string;
  authorName: string | null;
  authorHandle: string | null;
  body: string;
  mentions: string[];
  reactions: ReactionCounts;
  myReaction: ReactionType | null;
  replyCount: number;
  edited: boolean;
  createdAt: string;
  editedAt: string | null;
}

/** What a reaction PUT/DELETE answers. */
export interface ReactionsState {
  reactions: ReactionCounts;
  myReaction: ReactionType | null;
}

/** `ReactorView`: name and handle are null until feed-service's read-copy knows the person. */
export interface Reactor {
  employeeId: string;
  name: string | null;
  handle: string | null;
  type: ReactionType;
  reactedAt: string;
}

/** `RevisionView`: revision 1 is the text as published. */
export interface Revision {
  revision: number;
  body: string;
  links: Link[];
  writtenBy: string;
  writtenAt: string;
}

export type Visibility = 'PUBLIC' | 'PRIVATE';
export type GroupRole = 'OWNER' | 'MEMBER';

/** `GroupView`: `myRole` is null when the caller is not a member. */
export interface Group {
  id: string;
  name: string;
  description: string | null;
  visibility: Visibility;
  memberCount: number;
  myRole: GroupRole | null;
  createdAt: string;
  updatedAt: string | null;
}

/** `MemberView`, owners first then by name. */
export interface Member {
  employeeId: string;
  name: string | null;
  handle: string | null;
  role: GroupRole;
  joinedAt: string;
}
