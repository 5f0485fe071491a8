// Moved to components/dates/ (shared beyond the drawer); kept so the drawer's imports stay as they are.
export { BeDateInput } from '../../dates/BeDateInput';
