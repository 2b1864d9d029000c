export { InfraReviewField, validateInfraReview } from './InfraReviewField';
export { answersFromFormData, planAnswers } from './planAnswers';
