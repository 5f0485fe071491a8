// Sending a finished MIME message. The outbox only knows this interface, so tests can put a
// recording or failing transport in place of Cloudflare's send_email binding: the mail service
// is the one part of the system that leaves the machine.
import { EmailMessage } from 'cloudflare:email';

export interface OutgoingMail {
  /** Envelope sender; must equal the From: header's address. */
  from: string;
  /** Envelope recipient. */
  to: string;
  /** The complete RFC 5322 message. */
  raw: string;
}

export interface MailTransport {
  /** Resolves when the service accepted the message; throws when it did not. */
  send(mail: OutgoingMail): Promise<void>;
}

/** Cloudflare Email Routing's send_email binding. */
export function sendEmailTransport(binding: SendEmail): MailTransport {
  return {
    async send(mail) {
      await binding.send(new EmailMessage(mail.from, mail.to, mail.raw));
    },
  };
}
