export { InfraReviewField, validateInfraReview } from './InfraReviewField';
export { answersFromFormData } from './answersFromFormData';
