import type { ConfidenceLevel, FinanceCategory } from './types.js';

/** Plaid PFC codes used by the generator; the detailed code always starts with its primary. */
function pfc(primary: string, detailed: string, confidence_level: ConfidenceLevel = 'VERY_HIGH'): FinanceCategory {
  return { primary, detailed: `${primary}_${detailed}`, confidence_level };
}

export const PFC = {
  wages: pfc('INCOME', 'WAGES'),
  otherIncome: pfc('INCOME', 'OTHER_INCOME', 'LOW'),
  rent: pfc('RENT_AND_UTILITIES', 'RENT', 'HIGH'),
  electricity: pfc('RENT_AND_UTILITIES', 'GAS_AND_ELECTRICITY'),
  internet: pfc('RENT_AND_UTILITIES', 'INTERNET_AND_CABLE'),
  telephone: pfc('RENT_AND_UTILITIES', 'TELEPHONE'),
  tvAndMovies: pfc('ENTERTAINMENT', 'TV_AND_MOVIES'),
  musicAndAudio: pfc('ENTERTAINMENT', 'MUSIC_AND_AUDIO'),
  marketplaces: pfc('GENERAL_MERCHANDISE', 'ONLINE_MARKETPLACES'),
  otherMerchandise: pfc('GENERAL_MERCHANDISE', 'OTHER_GENERAL_MERCHANDISE', 'LOW'),
  groceries: pfc('FOOD_AND_DRINK', 'GROCERIES'),
  coffee: pfc('FOOD_AND_DRINK', 'COFFEE'),
  fastFood: pfc('FOOD_AND_DRINK', 'FAST_FOOD'),
  restaurant: pfc('FOOD_AND_DRINK', 'RESTAURANT'),
  gas: pfc('TRANSPORTATION', 'GAS'),
  rideShare: pfc('TRANSPORTATION', 'TAXIS_AND_RIDE_SHARES'),
  savingsOut: pfc('TRANSFER_OUT', 'SAVINGS', 'HIGH'),
  transferOut: pfc('TRANSFER_OUT', 'ACCOUNT_TRANSFER', 'HIGH'),
  transferIn: pfc('TRANSFER_IN', 'ACCOUNT_TRANSFER', 'HIGH'),
  cardPayment: pfc('LOAN_PAYMENTS', 'CREDIT_CARD_PAYMENT'),
} as const;

export const EMPLOYERS = [
  { name: 'Acme Corp', descriptor: 'ACME CORP DIRECT DEP' },
  { name: 'Globex', descriptor: 'GLOBEX CORPORATION PAYROLL' },
  { name: 'Initech', descriptor: 'INITECH INC DIRDEP' },
  { name: 'Hooli', descriptor: 'HOOLI PAYROLL PPD' },
] as const;

export const LANDLORDS = [
  { name: 'Oakwood Apartments', descriptor: 'OAKWOOD APTS WEB PMT' },
  { name: 'Greystar', descriptor: 'GREYSTAR RENT PMT' },
  { name: 'Essex Property Trust', descriptor: 'ESSEX PROPERTY RENT' },
] as const;

/** Monthly subscriptions; merchant names are exactly what Atomic's company search recognises. */
export const SUBSCRIPTIONS = [
  { key: 'netflix', merchant: 'Netflix', descriptor: 'NETFLIX.COM', amount: 15.49, category: PFC.tvAndMovies },
  { key: 'hulu', merchant: 'Hulu', descriptor: 'HULU 877-8244858', amount: 7.99, category: PFC.tvAndMovies },
  { key: 'spotify', merchant: 'Spotify', descriptor: 'SPOTIFY USA', amount: 11.99, category: PFC.musicAndAudio },
  {
    key: 'amazon-prime',
    merchant: 'Amazon Prime',
    descriptor: 'AMAZON PRIME*MEMBERSHIP',
    amount: 14.99,
    category: PFC.marketplaces,
  },
] as const;

export const GROCERS = [
  { merchant: "Trader Joe's", descriptor: 'TRADER JOE S #', weight: 0.45 },
  { merchant: 'Whole Foods', descriptor: 'WHOLEFDS MKT #', weight: 0.25 },
  { merchant: 'Safeway', descriptor: 'SAFEWAY #', weight: 0.3 },
] as const;

export const DINNER_SPOTS = [
  { merchant: 'The Cheesecake Factory', descriptor: 'THE CHEESECAKE FACTORY #' },
  { merchant: 'Olive Garden', descriptor: 'OLIVE GARDEN #' },
] as const;
