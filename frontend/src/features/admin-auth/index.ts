export { adminAuthKeys, adminAuthQueries, getMe, login, useLogin, useLogout } from './api/auth';
export { LoginForm } from './components/login-form';
export { useHasSession } from './hooks/use-session';
