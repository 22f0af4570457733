package org.lawline.conversation.dialog;

/**
 * What happens to a conversation: the state machine's events. A citizen's message becomes one of
 * them through the {@link Interpreter}; handoff's commands and the passing of time are the rest.
 */
enum DialogEvent {
    /** A question for the knowledge base, already searched: answered, offered as choices, or missed. */
    QUESTION,
    /** The second unanswered question in a row: offer a person. */
    TWO_MISSES,
    /** A number, as a pick of an offered choice. */
    CHOICE,
    /** 人工 / 律师 / 转人工. */
    ASK_FOR_PERSON,
    /** 取消 / 结束: leave the queue, the callback, the pre-check or the choices. */
    CANCEL,
    /** Danger now: answered in every state. */
    EMERGENCY,
    /** A matter for another hotline. */
    REFERRAL,
    /** Hello, thanks, goodbye. */
    GREETING,
    /** Where is a legal-service office: the offices of the district named, or the question which district. */
    FIND_OFFICE,
    /** Only emoji, digits or punctuation. */
    WORDLESS,
    /** 查看法条: the full text of the articles the last answer cited. */
    SHOW_ARTICLES,
    /** Could I get legal aid? Starts the pre-check. */
    CHECK_ELIGIBILITY,
    /** An answer to the pre-check's current question (valid or not). */
    FACT_GIVEN,
    /** Text while the callback number is asked for (a number, or something that is not one). */
    PHONE_GIVEN,
    /** 是 / 对 after the number was read back. */
    PHONE_CONFIRMED,
    /** Anything the citizen writes while a duty lawyer holds the chat. */
    CITIZEN_WROTE,
    /** Handoff: a duty lawyer took the chat (again, for a transfer). */
    LAWYER_CLAIMED,
    /** Handoff: the duty lawyer closed the consultation. */
    LAWYER_CLOSED,
    /** Handoff: nobody picked the chat up in time. */
    PICKUP_TIMEOUT,
    /** Nothing happened in the conversation for the idle timeout. */
    IDLE_TIMEOUT
}
