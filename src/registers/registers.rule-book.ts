/**
 * Every rule the registers' decide applies, by name, with its plain message and source.
 * Force policies are cited by the force and document they come from (seed 004: HMIC,
 * Hampshire 2014; seed 002: the BCH conflict-of-interest policy adopted after the IOPC's
 * Hertfordshire recommendation). Rules that keep the record coherent say so.
 */
import { ALREADY_EXISTS, KEEPS_RECORD_COHERENT as RECORD, ruleBook } from '../common/rule-book';
import type { Ensure, Refuse } from '../common/rule-book';

const HAMPSHIRE_BUSINESS_INTERESTS = 'force policy (HMIC, Hampshire 2014: business interests and secondary employment)';
const HAMPSHIRE_ASSOCIATIONS = "force policy (HMIC, Hampshire 2014: 'reportable associations')";
const BCH_CONFLICTS = 'BCH conflict of interest policy 2.2.4(a), 2.2.6 (IOPC recommendation, Hertfordshire 2023)';
const VETTING_CODE = 'Vetting Code of Practice 2023; APP Vetting (annual integrity and vetting review)';

export const REGISTER_RULES = {
  // Every register
  forceMustMatchPerson: {
    message: "this person's registers are kept by another force: an entry must be in the force of their register",
    source: RECORD,
  },
  personHeldByAnotherForce: {
    message: "this person is in another force's workforce: only the force that holds them records in their registers",
    source: `${RECORD} (their integrity record is kept by the force that employs them)`,
  },
  datedBeforeWhatItFollows: { message: 'a step cannot be dated before the entry it follows', source: RECORD },
  expiryOnlyForWarnings: {
    message: 'only a written or final written warning expires; a reduction in rank or a finding stays on the record',
    source: 'Conduct Regs 2020 reg 42 (docs/domain/regulations.md §2.9)',
  },

  // Business interests
  businessInterestAlreadyApplied: { message: 'this person already has a business interest with this id', source: RECORD, status: ALREADY_EXISTS },
  decisionNeedsApplication: {
    message: 'a decision on a business interest needs an application: there is none with this id',
    source: `${HAMPSHIRE_BUSINESS_INTERESTS}: applications examined by HR and the ACU, decided by the head of PSD`,
  },
  businessInterestAlreadyDecided: { message: 'this application has already been decided', source: RECORD },
  conditionsMatchDecision: {
    message: 'conditions are given exactly when the decision is APPROVED_WITH_CONDITIONS',
    source: `docs/events.md (BusinessInterestDecided); ${HAMPSHIRE_BUSINESS_INTERESTS}: restrictions may be applied`,
  },
  businessInterestClosed: {
    message: 'the business interest was rescinded or withdrawn: nothing more can be recorded on it but compliance checks',
    source: RECORD,
  },
  reviewNeedsApproval: {
    message: 'only an approved business interest has an annual review',
    source: `${HAMPSHIRE_BUSINESS_INTERESTS}: renewal of each approval is required annually`,
  },
  rescindNeedsApproval: {
    message: 'only an approved business interest can be rescinded',
    source: `${HAMPSHIRE_BUSINESS_INTERESTS}: rescinded approvals`,
  },
  cannotRescindDeclined: {
    message: 'a declined business interest has no approval to rescind: if it continues, record a compliance check finding DECLINED_INTEREST_CONTINUING',
    source: `${HAMPSHIRE_BUSINESS_INTERESTS}: post-event checking of 'not approved' applications`,
  },
  nothingToWithdraw: { message: 'there is no application or approval with this id to withdraw', source: RECORD },
  complianceCheckNeedsDecision: {
    message: 'a compliance check tests a business interest that was decided or withdrawn: there is none with this id',
    source: `${HAMPSHIRE_BUSINESS_INTERESTS}: the ACU's programme of checks on declared business interests`,
  },
  continuingNeedsDeclinedInterest: {
    message: 'an interest found continuing without approval must be one that was declined, rescinded or withdrawn',
    source: `${HAMPSHIRE_BUSINESS_INTERESTS}: dip sampling of 'not approved' applications`,
  },
  conditionsBreachedNeedsConditions: {
    message: 'only an interest approved with conditions can breach its conditions',
    source: RECORD,
  },

  // Gifts and hospitality
  hospitalityCannotBeRegifted: {
    message: 'only a gift can be re-gifted to charity; hospitality is accepted, declined or not approved',
    source: "HMIC, Hampshire 2014: arrangements for the 're-gifting' of items to a charity",
  },

  // Notifiable associations
  associationAlreadyDeclared: { message: 'this person already has an association with this id', source: RECORD, status: ALREADY_EXISTS },
  associationRiskNeedsDeclaration: {
    message: 'a risk assessment is of a declared association: there is none with this id',
    source: `${HAMPSHIRE_ASSOCIATIONS}: reports assessed by the ACU, with a risk management plan where appropriate`,
  },
  associationReviewNeedsDeclaration: {
    message: 'a review is of a declared association: there is none with this id',
    source: `${HAMPSHIRE_ASSOCIATIONS}: a further report if circumstances change, or at least a yearly update`,
  },
  associationEndNeedsDeclaration: { message: 'only a declared association can end: there is none with this id', source: RECORD },
  associationEnded: { message: 'the association has ended: nothing more can be recorded on it', source: RECORD },

  // Conflicts of interest
  conflictMustBeDeclaredToSupervisor: {
    message: 'a conflict of interest is disclosed in writing to a supervisor, not to oneself',
    source: BCH_CONFLICTS,
  },

  // Vetting
  vettingReviewNeedsGrant: {
    message: 'the annual integrity and vetting review is of vetting that has been granted and not withdrawn',
    source: VETTING_CODE,
  },
  vettingWithdrawalNeedsGrant: { message: 'there is no vetting clearance in force to withdraw', source: VETTING_CODE },

  // Drug tests
  preEmploymentTestMustComeFirst: {
    message: 'a pre-employment test comes before employment: this person has already had an in-service (random or with-cause) test',
    source: `${RECORD} (docs/domain/reference.md, "Registers and vetting": random, with cause, pre-employment)`,
  },

  // Documents attached to an entry (src/documents/README.md)
  registerDocumentAlreadyAttached: {
    message: 'a document with this id is already attached to this person’s registers',
    source: RECORD,
    status: ALREADY_EXISTS,
  },
  documentNeedsRegisterEntry: {
    message: 'a document is attached to an entry of the person’s registers: there is none with this id in that register',
    source: RECORD,
  },
} as const;

export type RegisterRuleName = keyof typeof REGISTER_RULES;

const book = ruleBook<RegisterRuleName>(REGISTER_RULES);
export const ensure: Ensure<RegisterRuleName> = book.ensure;
export const refuse: Refuse<RegisterRuleName> = book.refuse;

/** `datedBeforeWhatItFollows` unless `day` is on or after `earliest`, the day of `what`. */
export const ensureNotBefore = (day: string, earliest: string, what: string): void => book.ensureNotBefore('datedBeforeWhatItFollows', day, earliest, what);
