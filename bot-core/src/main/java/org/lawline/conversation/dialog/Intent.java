package org.lawline.conversation.dialog;

/**
 * What a citizen's message is, before any state is considered: the events of the dialog. The
 * {@link Interpreter} turns them, with the state, into the state machine's {@link DialogEvent}s.
 */
enum Intent {
    /** Danger happening now: 110 / 120 / 119. */
    EMERGENCY,
    /** The citizen asks for a person (人工, 转人工, 律师 as the whole request). */
    ASK_FOR_PERSON,
    /** 取消: leave the queue, or drop pending choices. */
    CANCEL,
    /** A number, as a pick of an offered choice. */
    PICK,
    /** A matter for another hotline (12345, 12315, 12333, 12338). */
    REFERRAL,
    /** Hello, thanks or goodbye, and nothing else. */
    GREETING,
    /** 查看法条: show in full the articles the last answer cited. */
    SHOW_ARTICLES,
    /** Whether the citizen could get legal aid: starts the pre-check. */
    LEGAL_AID,
    /** Where is a legal-service office near me ("附近有没有法律服务所"), or only the name of a district after that question. */
    FIND_OFFICE,
    /** No words at all: only emoji, digits or punctuation, or nothing. */
    WORDLESS,
    /** Anything else: a question for the knowledge base. */
    QUESTION
}
