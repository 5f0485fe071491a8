// The parent body's chunk (issue 19): its page and what surrounds the pages of its users (the
// read-only banner, links into an office). One chunk, one import in components/App.tsx: each lazy
// import costs the first load its list of files, and the board's first load is at its budget.
export { ParentPage } from '../../pages/ParentPage';
export { TreeShell } from './TreeShell';
