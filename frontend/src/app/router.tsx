import { createBrowserRouter, type RouteObject } from 'react-router';

import { PublicLayout } from '@/components/layout/public-layout';
import { NotFoundPage, PageSpinner, RouteErrorPage } from '@/components/layout/route-states';

// Every page is its own chunk; only the public frame is in the entry bundle.
export const routes: RouteObject[] = [
  {
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <PageSpinner />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          { index: true, lazy: () => import('./routes/landing') },
          { path: 'about', lazy: () => import('./routes/about') },
          { path: 'faq', lazy: () => import('./routes/faq') },
          { path: 'privacy', lazy: () => import('./routes/privacy') },
          { path: 'terms', lazy: () => import('./routes/terms') },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
      { path: 'apply', lazy: () => import('./routes/apply') },
      { path: 'partner', lazy: () => import('./routes/partner') },
      { path: 'view/customer/:token', lazy: () => import('./routes/portal-pending') },
      { path: 'view/:token', lazy: () => import('./routes/portal-pending') },
      { path: 'admin/login', lazy: () => import('./routes/admin/login') },
      {
        path: 'admin',
        lazy: () => import('./routes/admin/shell'),
        children: [
          { index: true, lazy: () => import('./routes/admin/dashboard') },
          { path: 'applications', lazy: () => import('./routes/admin/applications') },
          { path: 'applications/:id', lazy: () => import('./routes/admin/application-detail') },
          { path: 'partners', lazy: () => import('./routes/admin/partners') },
          { path: 'partners/:id', lazy: () => import('./routes/admin/partner-detail') },
          { path: 'schedule', lazy: () => import('./routes/admin/schedule') },
          { path: 'sms', lazy: () => import('./routes/admin/sms') },
          { path: 'sms/templates', lazy: () => import('./routes/admin/sms-templates') },
          { path: 'sms/bulk', lazy: () => import('./routes/admin/sms-bulk') },
          { path: 'sms/bulk/:id', lazy: () => import('./routes/admin/sms-bulk-detail') },
          { path: 'audit', lazy: () => import('./routes/admin/audit') },
          { path: 'qr-code', lazy: () => import('./routes/admin/qr-code') },
          { path: 'settings', lazy: () => import('./routes/admin/settings') },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);
