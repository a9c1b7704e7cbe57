/**
 * Coaching and mentoring models, tools and techniques the tools check recognises by name. A learner
 * may name others; then the finding goes to the assessor rather than to "not met".
 */
export const TOOLS: Array<{ name: string; pattern: RegExp }> = [
  { name: "GROW", pattern: /\bT?GROW\b/ },
  { name: "OSCAR", pattern: /\bOSCAR\b/ },
  { name: "CLEAR", pattern: /\bCLEAR\b/ },
  { name: "STEPPPA", pattern: /\bSTEPP?P?A\b/ },
  { name: "ACHIEVE", pattern: /\bACHIEVE\b/ },
  { name: "FUEL", pattern: /\bFUEL\b/ },
  { name: "PRACTICE", pattern: /\bPRACTICE\b/ },
  { name: "Johari window", pattern: /\bjohari\b/i },
  { name: "scaling questions", pattern: /\bscaling\b|\bscale of (?:0|1|one|zero)\b/i },
  { name: "wheel of life", pattern: /\bwheel of (?:life|work)\b/i },
  { name: "SWOT", pattern: /\bSWOT\b/ },
  { name: "learning styles", pattern: /\blearning styles?\b|\bhoney and mumford\b|\bkolb\b/i },
  { name: "psychometrics", pattern: /\bmyers[- ]briggs\b|\bMBTI\b|\bDISC\b|\bbelbin\b|\binsights discovery\b/i },
  { name: "360-degree feedback", pattern: /\b360\b/ },
  { name: "skilled helper", pattern: /\bskilled helper\b|\began\b/i },
  { name: "clean language", pattern: /\bclean language\b/i },
  { name: "solution-focused questions", pattern: /\bsolution[- ]focused\b|\bmiracle question\b/i },
  { name: "force-field analysis", pattern: /\bforce[- ]field\b/i },
  { name: "visualisation", pattern: /\bvisuali[sz]ation\b/i },
  { name: "reframing", pattern: /\breframing\b/i },
  { name: "transactional analysis", pattern: /\btransactional analysis\b|\bdrama triangle\b/i },
  { name: "values elicitation", pattern: /\bvalues (?:elicitation|exercise|cards)\b/i },
  { name: "logical levels", pattern: /\blogical levels\b/i },
  { name: "cognitive behavioural techniques", pattern: /\bcognitive behavioural\b|\bCBC\b|\bABC model\b/i },
  { name: "timeline", pattern: /\btime ?line\b/i },
];

/** Words that give a reason for a choice. */
export const JUSTIFICATION = /\b(because|so that|in order to|as (?:it|this|the|she|he|they)|since|which (?:helped|allowed|let|gave|meant)|to help|to test|to check|to explore|to give|to move|to open|to surface|chose|suits?|suited)\b/i;
