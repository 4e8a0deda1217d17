package dev.daehwa.domain.room;

/**
 * The two people's direct room was stored by a concurrent request between looking for it and
 * storing a new one. Unchecked, so that the transaction rolls back; whoever opens direct rooms
 * then looks again, in a new transaction, and finds the room the other request stored.
 */
public final class DirectRoomOpenedMeanwhile extends RuntimeException {

    public DirectRoomOpenedMeanwhile(Throwable cause) {
        super("The direct room was opened by another request meanwhile.", cause);
    }
}
