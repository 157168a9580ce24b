use wasm_bindgen::prelude::*;

/// TypeScript declarations for what the JS API takes and gives; wasm-bindgen copies this into
/// `pkg/ai_readiness.d.ts`.
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r##"
/** Configuration for `mount` and `setConfig`; the same keys work as `data-*` attributes. */
export interface AiReadinessConfig {
  /** Language tag, e.g. "de" or "de-AT": en, de, fr, es or ar (right to left). Default: the
   *  browser's first supported language, else English. */
  locale?: string;
  /** Colour scheme; "auto" follows prefers-color-scheme. Default "light". */
  theme?: "light" | "dark" | "auto";
  /** Accent colour, any CSS colour such as "#2b5fd9". */
  accent?: string;
  /** Intro title, in every language (same as strings["intro.title"]). */
  title?: string;
  /** Intro promise, one sentence, in every language (same as strings["intro.lead"]). */
  intro?: string;
  /** Your own texts by catalog key: "intro.title" for every language, "de:intro.title" for one,
   *  "team.problems[one]" for one plural form. Each keeps the catalog text's {placeholders}.
   *  As an attribute: data-strings='{"intro.title": "…"}'. */
  strings?: Record<string, string>;
  /** Call-to-action label on the result; needs ctaUrl. */
  ctaLabel?: string;
  /** Call-to-action link, http(s) or relative; needs ctaLabel. May carry {level}, {overall},
   *  {biggestGap}, {code} and {perspective}, filled in (URL-encoded) for each result. */
  ctaUrl?: string;
  /** Show the intro screen first. Default true. */
  showIntro?: boolean;
  /** Prefix for anything kept in the browser's storage. Default "ai-readiness". */
  storageKey?: string;
  /** Keep progress, the last result, the lead form's status, a kept team list and waiting
   *  submissions in localStorage (true), in sessionStorage for this tab only ("session", for
   *  shared computers), or in memory only (false). Default true. */
  storage?: boolean | "session";
  /** Days a waiting submission with lead fields is kept before it is dropped unsent, 1 to 30.
   *  Default 7. */
  outboxDays?: number;
  /** "team" opens the team view, where a lead pastes result codes. Default "assessment". */
  mode?: "assessment" | "team";
  /** Also push every event to window.dataLayer (Google Tag Manager). Default false. */
  dataLayer?: boolean;
  /** The lead form: "before-result" shows the level first and the full result once the form
   *  is sent; "after-result" offers it under the result. Default "off". */
  lead?: "off" | "before-result" | "after-result";
  /** Which lead fields are asked for: `field:rule` items (fields name, email, company, size;
   *  rules required, optional, hidden) separated by commas, semicolons or spaces. Default
   *  "name:required email:required company:optional size:optional". */
  leadFields?: string;
  /** Your sentence beside the lead form's consent box (1-300 characters). */
  leadConsent?: string;
  /** Your privacy policy, an http(s) URL or a relative link: linked after the consent sentence
   *  and after the intro's privacy line. */
  leadPrivacyUrl?: string;
  /** Whose work the questions ask about: "team" (a lead about their team) or "self" (a person
   *  about their own work). Read at mount. Default "team". */
  perspective?: AiReadinessPerspective;
  /** Where each completed result (and each sent lead form) is posted as JSON: an http(s) URL
   *  or a relative link. From markup only to this page's origin or one named in `connect`. */
  submitUrl?: string;
  /** Origins besides the page's own, separated by spaces, that a submitUrl given in the
   *  widget's markup may lead to (as data-connect on the embed.js script element). Only from a
   *  script: a data-connect on the widget's element is refused. */
  connect?: string;
  /** Offer "Open the team view" on the result (intranet pages). Default false. */
  teamLink?: boolean;
  /** How the team view shows people: "named" lists each person by the name in the pasted list;
   *  "aggregate" shows groups only, with no person rows and no names in the view or the CSV,
   *  and no scores for a team smaller than minGroupSize. Default "named". */
  teamPrivacy?: "named" | "aggregate";
  /** In an aggregate team view, the smallest team whose scores and steps are shown, 2 to 50;
   *  smaller teams count only in "Everyone". Default 5. */
  minGroupSize?: number;
  /** When embed.js fetches the wasm: "auto" when the widget comes within about a screen of the
   *  viewport (its first screen is drawn at once either way), "eager" at once. Default "auto". */
  load?: "auto" | "eager";
  /** Your sentence for the intro's privacy line (1-300 characters), in place of the default
   *  that names your site, when answers can leave the page. */
  privacyNote?: string;
  /** With the lead form on, send each result to submitUrl when it is reached, before the
   *  visitor sends or declines the form. Default false: only once they have. */
  submitAnonymous?: boolean;
}

export type AiReadinessPerspective = "team" | "self";

export type AiReadinessDimension = "access" | "usage" | "capability" | "visibility";
export type AiReadinessLevel = "experimenting" | "adopting" | "operating";

/** Detail of `ai-readiness:complete`, and what `scoreAnswers` returns. */
export interface AiReadinessResult {
  level: AiReadinessLevel;
  overall: number;
  scores: Record<AiReadinessDimension, number>;
  /** Access minus adoption (the mean of Usage and Capability). */
  adoptionGap: number;
  /** What holds the level back most; at Operating, the weakest area. */
  biggestGap: AiReadinessDimension;
  modelVersion: string;
  /** Eight hex digits naming the questions and rules that produced the result. */
  modelFingerprint: string;
  /** The result code that carries these answers, e.g. "1-7KD3Q-W" (a lead's view) or
   *  "S-7KD3Q-…" (a person's own result). */
  code: string;
  /** Whose work the answers describe. */
  perspective: AiReadinessPerspective;
}

/** Detail of `ai-readiness:ready` and `ai-readiness:start`. */
export interface AiReadinessStartDetail {
  total: number;
  modelVersion: string;
  perspective: AiReadinessPerspective;
}

/** Detail of `ai-readiness:answer`. */
export interface AiReadinessAnswerDetail {
  questionId: string;
  dimension: AiReadinessDimension;
  /** Option index, 0 = least mature. */
  value: number;
  /** 0-based question position. */
  index: number;
  total: number;
}

/** Detail of `ai-readiness:cta`. */
export interface AiReadinessCtaDetail extends AiReadinessResult {
  /** The link, with the result filled in. */
  url: string;
}

/** Detail of `ai-readiness:error`: an attribute that could not be used fell back to its
 *  default. */
export interface AiReadinessErrorDetail {
  /** The key as written, e.g. "data-accent". */
  key: string;
  /** The console's text: the key, the value and what is accepted. */
  message: string;
}

/** Detail of `ai-readiness:lead`: the result and the sent form; hidden and empty fields are left
 *  out. */
export interface AiReadinessLeadDetail extends AiReadinessResult {
  lead: {
    name?: string;
    email?: string;
    company?: string;
    size?: string;
    /** Whether the consent box was ticked when the form was sent; never required. */
    consent: boolean;
    /** The consent sentence on screen beside the box then. */
    consentText: string;
  };
}

/** Detail of `ai-readiness:delivery`: one attempt to post a submission to submitUrl ended. */
export interface AiReadinessDeliveryDetail {
  submissionId: string;
  url: string;
  attempts: number;
  /** Absent when no answer came. */
  httpStatus?: number;
  /** "expired": a submission with lead fields waited its outboxDays and was dropped. */
  status: "delivered" | "retrying" | "refused" | "expired";
  /** Only when not delivered. */
  retryInMs?: number;
  /** Only when not delivered. */
  message?: string;
}

/** The events a widget dispatches on its host element (bubbling, composed). */
export interface AiReadinessEventMap {
  "ai-readiness:ready": CustomEvent<AiReadinessStartDetail>;
  "ai-readiness:start": CustomEvent<AiReadinessStartDetail>;
  "ai-readiness:answer": CustomEvent<AiReadinessAnswerDetail>;
  "ai-readiness:complete": CustomEvent<AiReadinessResult>;
  "ai-readiness:cta": CustomEvent<AiReadinessCtaDetail>;
  "ai-readiness:error": CustomEvent<AiReadinessErrorDetail>;
  "ai-readiness:lead": CustomEvent<AiReadinessLeadDetail>;
  "ai-readiness:delivery": CustomEvent<AiReadinessDeliveryDetail>;
}
"##;
