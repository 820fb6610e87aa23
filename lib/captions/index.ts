export { X_MAX, X_URL_LENGTH, findXUrls, xFits, xRemaining, xWeightedLength } from './x-length';
export { insertionText } from './insertion';
export { personalise, type PersonalTouch } from './personalise';
export {
  hash32,
  orderCaptions,
  rankCaptions,
  rankItems,
  type RankPreferences,
  type RankableItem,
  type RankedCaption,
} from './rank';
