// an announcement is a post: the shapes are feed's, named here for what these screens show
export type { AnnouncementInfo, Group, Post as AnnouncementPost } from '../feed/types';

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
