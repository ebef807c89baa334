package io.televisit.call.audit;

/**
 * The result of checking the audit chain: how many entries were checked and, if the chain is broken, the sequence
 * number of the first entry that does not verify and why.
 */
public record ChainVerification(boolean valid, long checkedEntries, Long firstBrokenSeq, String reason) {

    static ChainVerification intact(long checked) {
        return new ChainVerification(true, checked, null, null);
    }

    static ChainVerification broken(long checked, long seq, String reason) {
        return new ChainVerification(false, checked, seq, reason);
    }
}
