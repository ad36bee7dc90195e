package dev.superapp.batch.schedule;

/** A job definition file that cannot be scheduled; the message is one line naming the file and every problem. */
class JobDefinitionException extends RuntimeException {

    JobDefinitionException(String message) {
        super(message);
    }
}
