// The languages of message templates and their codes, as Meta lists them ("Supported Languages",
// WhatsApp templates, updated 21 May 2026). The code is what a template's `language` holds.
export const TEMPLATE_LANGUAGES: readonly { code: string; name: string }[] = [
  ["af", "Afrikaans"], ["sq", "Albanian"], ["ar", "Arabic"], ["ar_EG", "Arabic (EGY)"], ["ar_AE", "Arabic (UAE)"], ["ar_LB", "Arabic (LBN)"],
  ["ar_MA", "Arabic (MAR)"], ["ar_QA", "Arabic (QAT)"], ["az", "Azerbaijani"], ["be_BY", "Belarusian"], ["bn", "Bengali"], ["bn_IN", "Bengali (IND)"],
  ["bg", "Bulgarian"], ["ca", "Catalan"], ["zh_CN", "Chinese (CHN)"], ["zh_HK", "Chinese (HKG)"], ["zh_TW", "Chinese (TAI)"], ["hr", "Croatian"],
  ["cs", "Czech"], ["da", "Danish"], ["prs_AF", "Dari"], ["nl", "Dutch"], ["nl_BE", "Dutch (BEL)"], ["en", "English"], ["en_GB", "English (UK)"],
  ["en_US", "English (US)"], ["en_AE", "English (UAE)"], ["en_AU", "English (AUS)"], ["en_CA", "English (CAN)"], ["en_GH", "English (GHA)"],
  ["en_IE", "English (IRL)"], ["en_IN", "English (IND)"], ["en_JM", "English (JAM)"], ["en_MY", "English (MYS)"], ["en_NZ", "English (NZL)"],
  ["en_QA", "English (QAT)"], ["en_SG", "English (SGP)"], ["en_UG", "English (UGA)"], ["en_ZA", "English (ZAF)"], ["et", "Estonian"], ["fil", "Filipino"],
  ["fi", "Finnish"], ["fr", "French"], ["fr_BE", "French (BEL)"], ["fr_CA", "French (CAN)"], ["fr_CH", "French (CHE)"], ["fr_CI", "French (CIV)"],
  ["fr_MA", "French (MAR)"], ["ka", "Georgian"], ["de", "German"], ["de_AT", "German (AUT)"], ["de_CH", "German (CHE)"], ["el", "Greek"],
  ["gu", "Gujarati"], ["ha", "Hausa"], ["he", "Hebrew"], ["hi", "Hindi"], ["hu", "Hungarian"], ["id", "Indonesian"], ["ga", "Irish"], ["it", "Italian"],
  ["ja", "Japanese"], ["kn", "Kannada"], ["kk", "Kazakh"], ["rw_RW", "Kinyarwanda"], ["ko", "Korean"], ["ky_KG", "Kyrgyz (Kyrgyzstan)"], ["lo", "Lao"],
  ["lv", "Latvian"], ["lt", "Lithuanian"], ["mk", "Macedonian"], ["ms", "Malay"], ["ml", "Malayalam"], ["mr", "Marathi"], ["nb", "Norwegian"],
  ["fa", "Persian"], ["pl", "Polish"], ["pt_BR", "Portuguese (BR)"], ["pt_PT", "Portuguese (POR)"], ["pa", "Punjabi"], ["ro", "Romanian"],
  ["ru", "Russian"], ["sr", "Serbian"], ["sk", "Slovak"], ["sl", "Slovenian"], ["es", "Spanish"], ["es_AR", "Spanish (ARG)"], ["es_ES", "Spanish (SPA)"],
  ["es_MX", "Spanish (MEX)"], ["sw", "Swahili"], ["sv", "Swedish"], ["ta", "Tamil"], ["te", "Telugu"], ["th", "Thai"], ["tr", "Turkish"],
  ["uk", "Ukrainian"], ["ur", "Urdu"], ["uz", "Uzbek"], ["vi", "Vietnamese"], ["zu", "Zulu"],
].map(([code, name]) => ({ code, name }));

/** "Polish (pl)"; a code not in the list (an older template's) as it is. */
export const languageName = (code: string) => {
  const l = TEMPLATE_LANGUAGES.find((x) => x.code === code);
  return l ? `${l.name} (${code})` : code;
};
