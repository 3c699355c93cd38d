import { Route, Routes } from 'react-router';
import { PageTitle } from './shell/ui';
import { HomeFeed, CompanyFeed, TopicFeed } from './features/feed/Feeds';
import { PostPage } from './features/feed/PostPage';
import { GroupsPage, GroupPage } from './features/groups/Groups';
import { AnnouncementsPage } from './features/announcements/Announcements';
import { NewAnnouncementPage } from './features/announcements/NewAnnouncement';
import { ReachPage } from './features/announcements/Reach';
import { RecognitionPage } from './features/recognition/Recognition';
import { SearchPage } from './features/search/SearchPage';
import { NotificationsPage } from './features/notifications/NotificationsPage';
import { PreferencesPage } from './features/notifications/Preferences';
import { DirectoryPage } from './features/people/Directory';
import { MyProfilePage } from './features/people/MyProfile';
import { ProfilePage } from './features/people/Profile';
import { OrgChartPage } from './features/people/OrgChart';

/** Every screen's address. Each feature folder owns its screens; this table only names them. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<HomeFeed />} />
      <Route path="/company" element={<CompanyFeed />} />
      <Route path="/topics/:tag" element={<TopicFeed />} />
      <Route path="/posts/:id" element={<PostPage />} />
      <Route path="/groups" element={<GroupsPage />} />
      <Route path="/groups/:id" element={<GroupPage />} />
      <Route path="/announcements" element={<AnnouncementsPage />} />
      <Route path="/announcements/new" element={<NewAnnouncementPage />} />
      <Route path="/announcements/:id/reach" element={<ReachPage />} />
      <Route path="/recognition" element={<RecognitionPage />} />
      <Route path="/search" element={<SearchPage />} />
      <Route path="/notifications" element={<NotificationsPage />} />
      <Route path="/settings/notifications" element={<PreferencesPage />} />
      <Route path="/people" element={<DirectoryPage />} />
      <Route path="/me" element={<MyProfilePage />} />
      <Route path="/people/:id" element={<ProfilePage />} />
      <Route path="/people/:id/org" element={<OrgChartPage />} />
      <Route path="*" element={<PageTitle>Page not found</PageTitle>} />
    </Routes>
  );
}
