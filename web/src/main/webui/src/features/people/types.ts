/** Shapes of profile-service's answers (ProfileView, PersonCard, FieldsView in profile-service/…/api, domain). */

export interface ProfileView {
  id: string;
  username: string;
  displayName: string;
  givenName: string | null;
  familyName: string | null;
  email: string | null;
  title: string | null;
  department: string | null;
  location: string | null;
  managerId: string | null;
  timeZone: string | null;
  phone: string | null;
  bio: string | null;
  avatarUrl: string | null;
  pronouns: string | null;
  skills: string[];
  languages: string[];
  /** yyyy-mm-dd */
  startDate: string | null;
  employeeNumber: string | null;
  custom: Record<string, unknown>;
  status: 'ACTIVE' | 'LEFT';
  leftAt: string | null;
  updatedAt: string | null;
}

/** What the directory and the org chart show of a person. */
export interface PersonCard {
  id: string;
  username: string;
  displayName: string;
  title: string | null;
  department: string | null;
  location: string | null;
  avatarUrl: string | null;
  pronouns: string | null;
  status: string;
}

export interface Report {
  card: PersonCard;
  directReports: number;
  teamSize: number;
}

export interface HeadCount {
  name: string;
  headCount: number;
}

export interface CustomField {
  key: string;
  label: string;
  type: 'TEXT' | 'NUMBER' | 'DATE' | 'CHOICE';
  choices: string[] | null;
  selfEditable: boolean;
  position: number;
}

/** GET /api/profiles/fields: the built-in fields an employee may change on themselves, and the custom fields. */
export interface FieldsView {
  selfEditable: string[];
  custom: CustomField[];
}

/** feed-service: GET /api/follows/people/{id} */
export interface FollowCounts {
  employeeId: string;
  followers: number;
  following: number;
  followedByMe: boolean;
}

/** feed-service: GET /api/recognition/people/{id} (its items are post views; we show who, what value, when). */
export interface ReceivedView {
  person: { id: string; displayName: string; username: string; department: string | null };
  total: number;
  byValue: Record<string, number>;
  items: {
    id: string;
    authorId: string;
    authorName: string;
    createdAt: string;
    recognition: { value: string; badge: string | null } | null;
  }[];
  next: string | null;
}
