// The customer's contacts: a row each (name, email, role, last reviewed on), added and removed freely.
import Button, { IconButton } from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import AddIcon from '@atlaskit/icon/core/add';
import DeleteIcon from '@atlaskit/icon/core/delete';
import { Box, Grid, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import type { Contact } from '@contract/config';
import { LIMITS } from '@contract/constants';
import { useT } from '../../shared/texts';
import { Field, InlineError } from '../components/Field';
import { contactPath, emptyContact } from '../state/customer-form';

interface ContactsEditorProps {
  contacts: Contact[];
  onChange: (contacts: Contact[]) => void;
  errorAt: (path: string) => string | undefined;
}

const row = xcss({
  borderColor: 'color.border',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderRadius: 'radius.medium',
  padding: 'space.150',
});

export function ContactsEditor({ contacts, onChange, errorAt }: ContactsEditorProps) {
  const t = useT();
  const change = (index: number, patch: Partial<Contact>) => onChange(contacts.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  return (
    <Stack space="space.150" testId="customer-contacts">
      <Heading size="small" as="h3">
        {t('admin.contacts.title')}
      </Heading>
      <InlineError id="customer-contacts" error={errorAt('customer.contacts')} />
      {contacts.length === 0 ? (
        <Text color="color.text.subtle" testId="customer-contacts-empty">
          {t('admin.contacts.empty')}
        </Text>
      ) : null}
      {contacts.map((contact, i) => {
        const id = (f: string) => `customer-contact-${i}-${f}`;
        return (
          <Box key={i} xcss={row} testId={`customer-contact-${i}`}>
            <Stack space="space.100">
              <Inline spread="space-between" alignBlock="start">
                <Grid templateColumns="repeat(auto-fit, minmax(180px, 1fr))" gap="space.150" xcss={xcss({ flexGrow: 1 })}>
                  <Field id={id('name')} label={t('admin.contacts.name')} error={errorAt(contactPath(i, 'name'))}>
                    <Textfield id={id('name')} testId={id('name')} value={contact.name} isInvalid={Boolean(errorAt(contactPath(i, 'name')))} onChange={(e) => change(i, { name: e.currentTarget.value })} />
                  </Field>
                  <Field id={id('email')} label={t('admin.contacts.email')} error={errorAt(contactPath(i, 'email'))}>
                    <Textfield id={id('email')} testId={id('email')} type="email" value={contact.email} isInvalid={Boolean(errorAt(contactPath(i, 'email')))} onChange={(e) => change(i, { email: e.currentTarget.value })} />
                  </Field>
                  <Field id={id('role')} label={t('admin.contacts.role')} error={errorAt(contactPath(i, 'role'))}>
                    <Textfield id={id('role')} testId={id('role')} value={contact.role} isInvalid={Boolean(errorAt(contactPath(i, 'role')))} onChange={(e) => change(i, { role: e.currentTarget.value })} />
                  </Field>
                  <Field id={id('reviewed')} label={t('admin.contacts.lastReviewedOn')} error={errorAt(contactPath(i, 'lastReviewedOn'))}>
                    <Textfield
                      id={id('reviewed')}
                      testId={id('reviewed')}
                      type="date"
                      value={contact.lastReviewedOn ?? ''}
                      isInvalid={Boolean(errorAt(contactPath(i, 'lastReviewedOn')))}
                      onChange={(e) => change(i, { lastReviewedOn: e.currentTarget.value || null })}
                    />
                  </Field>
                </Grid>
                <Box paddingBlockStart="space.300">
                  <IconButton
                    icon={DeleteIcon}
                    label={t('admin.contacts.remove', { name: contact.name || String(i + 1) })}
                    appearance="subtle"
                    onClick={() => onChange(contacts.filter((_, j) => j !== i))}
                    testId={id('remove')}
                  />
                </Box>
              </Inline>
              <InlineError id={`customer-contact-${i}`} error={errorAt(contactPath(i))} />
            </Stack>
          </Box>
        );
      })}
      <Inline>
        <Button iconBefore={AddIcon} onClick={() => onChange([...contacts, emptyContact()])} isDisabled={contacts.length >= LIMITS.contacts} testId="customer-contact-add">
          {t('admin.contacts.add')}
        </Button>
      </Inline>
    </Stack>
  );
}
