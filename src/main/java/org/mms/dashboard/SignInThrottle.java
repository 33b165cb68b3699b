package org.mms.dashboard;

/** The API's guard against token guessing, shared by the sign-in form: the same failures count for both. */
public interface SignInThrottle {

    /** Whether the client address is being held back now. */
    boolean heldBack(String client);

    /** A refused token from that address. */
    void failed(String client);
}
