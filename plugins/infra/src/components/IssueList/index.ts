export { IssueList } from './IssueList';
