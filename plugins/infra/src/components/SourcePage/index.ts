export { SourcePage, SOURCE_PAGE_PATH, sourcePageLink } from './SourcePage';
