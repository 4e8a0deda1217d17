package dev.daehwa.application.rooms;

import dev.daehwa.domain.room.DirectRoomOpenedMeanwhile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Opening the direct room of two people, once, however many ask at the same moment. Outside any
 * transaction, so that each attempt of {@link RoomService#openDirect} runs in its own: the one that
 * lost the race to store the room has rolled back, and the next finds the winner's room.
 */
@ApplicationScoped
@Transactional(TxType.NOT_SUPPORTED)
public class DirectRooms {

    @Inject
    private RoomService rooms;

    public RoomService.DirectRoom open(long callerId, String username) {
        try {
            return rooms.openDirect(callerId, username);
        } catch (DirectRoomOpenedMeanwhile raced) {
            return rooms.openDirect(callerId, username);
        }
    }
}
