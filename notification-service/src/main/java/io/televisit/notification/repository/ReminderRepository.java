package io.televisit.notification.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.televisit.notification.model.Reminder;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class ReminderRepository implements PanacheRepositoryBase<Reminder, UUID> {
}
