// The contract's dated rate cards: from a date on, a default hourly rate and per-work-type rates, typed in
// major units (185.00) and stored in minor units.
import Button, { IconButton } from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import AddIcon from '@atlaskit/icon/core/add';
import DeleteIcon from '@atlaskit/icon/core/delete';
import { Box, Grid, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import { LIMITS } from '@contract/constants';
import { useT } from '../../shared/texts';
import { Field, InlineError } from '../components/Field';
import { SingleSelect } from '../components/Selects';
import { useAdmin } from '../hooks/admin-context';
import { contractField, emptyRateCard, type RateCardDraft } from '../state/contract-form';
import { formatMoney, parseAmount } from '../state/money';

interface RateCardsEditorProps {
  cards: RateCardDraft[];
  currency: string;
  onChange: (cards: RateCardDraft[]) => void;
  errorAt: (path: string) => string | undefined;
}

const cardBox = xcss({
  borderColor: 'color.border',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderRadius: 'radius.medium',
  padding: 'space.150',
});

export function RateCardsEditor({ cards, currency, onChange, errorAt }: RateCardsEditorProps) {
  const t = useT();
  const { catalog, viewer } = useAdmin();
  const setCard = (c: number, patch: Partial<RateCardDraft>) => onChange(cards.map((x, i) => (i === c ? { ...x, ...patch } : x)));
  /** "= CHF 185.00" under an amount, so the admin sees how it is read. */
  const preview = (text: string) => {
    const minor = parseAmount(text, currency);
    return minor === null ? undefined : formatMoney(minor, currency, viewer.locale);
  };

  return (
    <Stack space="space.150" testId="contract-rate-cards">
      <Heading size="small" as="h3">
        {t('admin.rateCards.title')}
      </Heading>
      <InlineError id="contract-rate-cards" error={errorAt(contractField('rateCards'))} />
      {cards.map((card, c) => {
        const id = (suffix: string) => `contract-rate-card-${c}-${suffix}`;
        const at = (...rest: (string | number)[]) => errorAt(contractField('rateCards', c, ...rest));
        return (
          <Box key={c} xcss={cardBox} testId={`contract-rate-card-${c}`}>
            <Stack space="space.150">
              <Inline spread="space-between" alignBlock="start" space="space.100">
                <Grid templateColumns="repeat(auto-fit, minmax(200px, 1fr))" gap="space.150" xcss={xcss({ flexGrow: 1 })}>
                  <Field id={id('valid-from')} label={t('admin.rateCards.validFrom')} error={at('validFrom')}>
                    <Textfield id={id('valid-from')} testId={id('valid-from')} type="date" value={card.validFrom} isInvalid={Boolean(at('validFrom'))} onChange={(e) => setCard(c, { validFrom: e.currentTarget.value })} />
                  </Field>
                  <Field id={id('default-rate')} label={t('admin.rateCards.defaultRate', { currency })} error={at('defaultRate')} help={preview(card.defaultRate)}>
                    <Textfield
                      id={id('default-rate')}
                      testId={id('default-rate')}
                      inputMode="decimal"
                      placeholder="185.00"
                      value={card.defaultRate}
                      isInvalid={Boolean(at('defaultRate'))}
                      onChange={(e) => setCard(c, { defaultRate: e.currentTarget.value })}
                    />
                  </Field>
                </Grid>
                <Box paddingBlockStart="space.300">
                  <IconButton icon={DeleteIcon} appearance="subtle" label={t('admin.rateCards.remove')} isDisabled={cards.length <= 1} onClick={() => onChange(cards.filter((_, i) => i !== c))} testId={id('remove')} />
                </Box>
              </Inline>
              <InlineError id={`contract-rate-card-${c}`} error={at()} />
              <Text weight="medium">{t('admin.rateCards.workTypeRates')}</Text>
              {card.workTypeRates.length === 0 ? <Text color="color.text.subtle">{t('admin.rateCards.noWorkTypeRates')}</Text> : null}
              {card.workTypeRates.map((w, i) => {
                const wid = (suffix: string) => id(`work-type-${i}-${suffix}`);
                const setRate = (patch: Partial<RateCardDraft['workTypeRates'][number]>) =>
                  setCard(c, { workTypeRates: card.workTypeRates.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
                return (
                  <Grid key={i} templateColumns="minmax(0, 1fr) minmax(0, 1fr) 32px" gap="space.150" alignItems="start">
                    <Field id={wid('type')} label={t('admin.rateCards.workType')} error={at('workTypeRates', i, 'workType')}>
                      <SingleSelect
                        id={wid('type')}
                        options={catalog.issueTypes.map((x) => ({ value: x, label: x }))}
                        value={w.workType || null}
                        isInvalid={Boolean(at('workTypeRates', i, 'workType'))}
                        onChange={(v) => setRate({ workType: v ?? '' })}
                      />
                    </Field>
                    <Field id={wid('rate')} label={t('admin.rateCards.rate', { currency })} error={at('workTypeRates', i, 'rate')} help={preview(w.rate)}>
                      <Textfield id={wid('rate')} testId={wid('rate')} inputMode="decimal" placeholder="185.00" value={w.rate} isInvalid={Boolean(at('workTypeRates', i, 'rate'))} onChange={(e) => setRate({ rate: e.currentTarget.value })} />
                    </Field>
                    <Box paddingBlockStart="space.300">
                      <IconButton icon={DeleteIcon} appearance="subtle" label={t('admin.rateCards.removeWorkType')} onClick={() => setCard(c, { workTypeRates: card.workTypeRates.filter((_, j) => j !== i) })} testId={wid('remove')} />
                    </Box>
                  </Grid>
                );
              })}
              <Inline>
                <Button
                  appearance="subtle"
                  iconBefore={AddIcon}
                  isDisabled={card.workTypeRates.length >= LIMITS.workTypeRates}
                  onClick={() => setCard(c, { workTypeRates: [...card.workTypeRates, { workType: '', rate: '' }] })}
                  testId={id('work-type-add')}
                >
                  {t('admin.rateCards.addWorkType')}
                </Button>
              </Inline>
            </Stack>
          </Box>
        );
      })}
      <Inline>
        <Button iconBefore={AddIcon} isDisabled={cards.length >= LIMITS.rateCards} onClick={() => onChange([...cards, emptyRateCard()])} testId="contract-rate-card-add">
          {t('admin.rateCards.add')}
        </Button>
      </Inline>
    </Stack>
  );
}
