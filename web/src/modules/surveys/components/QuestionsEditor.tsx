import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, InputNumber, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { OPTION_MAX, OPTIONS_MAX, OPTIONS_MIN, PROMPT_MAX, QUESTION_KINDS, type QuestionKind, SCALE_LIMIT } from '#server/modules/surveys/contract.ts';

/** A question as the builder edits it (the server's QuestionInput, every field present). */
export interface EditedQuestion {
  kind: QuestionKind;
  prompt: string;
  options: string[];
  maxChoices: number | null;
  min: number;
  max: number;
  required: boolean;
}

export const blankQuestion = (kind: QuestionKind): EditedQuestion => ({
  kind,
  prompt: '',
  options: kind === 'single' || kind === 'multiple' ? ['', ''] : [],
  maxChoices: null,
  min: 1,
  max: 5,
  required: kind !== 'text',
});

/** What the server takes: only the fields of the question's kind. */
export function toInput(q: EditedQuestion) {
  const base = { kind: q.kind, prompt: q.prompt, required: q.required };
  if (q.kind === 'single') return { ...base, options: q.options };
  if (q.kind === 'multiple') return { ...base, options: q.options, maxChoices: q.maxChoices };
  if (q.kind === 'scale') return { ...base, min: q.min, max: q.max };
  return base;
}

/** The builder's questions: add, remove, reorder; kind, prompt, options, max choices, scale range, required. */
export function QuestionsEditor({ value, onChange, disabled }: { value: EditedQuestion[]; onChange: (next: EditedQuestion[]) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<EditedQuestion>) => onChange(value.map((q, j) => (j === i ? { ...q, ...patch } : q)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...value];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    onChange(next);
  };
  return (
    <Flex vertical gap={12}>
      {value.map((q, i) => (
        <Card
          key={i}
          size="small"
          title={t('surveys.builder.questionNo', { no: i + 1 })}
          extra={
            !disabled && (
              <Space>
                <Button size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('surveys.builder.up')} />
                <Button size="small" icon={<ArrowDownOutlined />} disabled={i === value.length - 1} onClick={() => move(i, 1)} aria-label={t('surveys.builder.down')} />
                <Button size="small" danger icon={<DeleteOutlined />} onClick={() => onChange(value.filter((_, j) => j !== i))} aria-label={t('surveys.builder.remove')} />
              </Space>
            )
          }
        >
          <Flex vertical gap={8}>
            <Flex gap={8} wrap align="center">
              <Select
                style={{ width: 120 }}
                value={q.kind}
                disabled={disabled}
                aria-label={t('surveys.builder.kind')}
                options={QUESTION_KINDS.map((k) => ({ value: k, label: t(`surveys.kind.${k}`) }))}
                onChange={(kind: QuestionKind) => set(i, { ...blankQuestion(kind), prompt: q.prompt, options: kind === 'single' || kind === 'multiple' ? (q.options.length >= 2 ? q.options : ['', '']) : [] })}
              />
              <Input
                style={{ flex: 1, minWidth: 240 }}
                value={q.prompt}
                disabled={disabled}
                maxLength={PROMPT_MAX}
                placeholder={t('surveys.builder.prompt')}
                aria-label={t('surveys.builder.prompt')}
                onChange={(e) => set(i, { prompt: e.target.value })}
              />
              <Space>
                <Switch checked={q.required} disabled={disabled} onChange={(required) => set(i, { required })} aria-label={t('surveys.builder.required')} />
                <Typography.Text>{t('surveys.builder.required')}</Typography.Text>
              </Space>
            </Flex>
            {(q.kind === 'single' || q.kind === 'multiple') && (
              <Flex vertical gap={6} style={{ paddingLeft: 16 }}>
                {q.options.map((o, k) => (
                  <Flex key={k} gap={6}>
                    <Input
                      value={o}
                      disabled={disabled}
                      maxLength={OPTION_MAX}
                      placeholder={t('surveys.builder.option', { no: k + 1 })}
                      aria-label={t('surveys.builder.option', { no: k + 1 })}
                      onChange={(e) => set(i, { options: q.options.map((x, m) => (m === k ? e.target.value : x)) })}
                    />
                    {!disabled && (
                      <Button
                        icon={<DeleteOutlined />}
                        disabled={q.options.length <= OPTIONS_MIN}
                        onClick={() => set(i, { options: q.options.filter((_, m) => m !== k) })}
                        aria-label={t('surveys.builder.removeOption')}
                      />
                    )}
                  </Flex>
                ))}
                {!disabled && (
                  <Button type="dashed" icon={<PlusOutlined />} disabled={q.options.length >= OPTIONS_MAX} onClick={() => set(i, { options: [...q.options, ''] })}>
                    {t('surveys.builder.addOption')}
                  </Button>
                )}
                {q.kind === 'multiple' && (
                  <Space>
                    <Typography.Text>{t('surveys.builder.maxChoices')}</Typography.Text>
                    <InputNumber
                      min={1}
                      max={q.options.length}
                      value={q.maxChoices}
                      disabled={disabled}
                      placeholder={t('surveys.builder.unlimited')}
                      onChange={(v) => set(i, { maxChoices: v ?? null })}
                      aria-label={t('surveys.builder.maxChoices')}
                    />
                  </Space>
                )}
              </Flex>
            )}
            {q.kind === 'scale' && (
              <Space style={{ paddingLeft: 16 }}>
                <Typography.Text>{t('surveys.builder.scaleRange')}</Typography.Text>
                <InputNumber min={SCALE_LIMIT.min} max={SCALE_LIMIT.max} value={q.min} disabled={disabled} onChange={(v) => set(i, { min: v ?? 0 })} aria-label={t('surveys.builder.scaleMin')} />
                <span>—</span>
                <InputNumber min={SCALE_LIMIT.min} max={SCALE_LIMIT.max} value={q.max} disabled={disabled} onChange={(v) => set(i, { max: v ?? 5 })} aria-label={t('surveys.builder.scaleMax')} />
              </Space>
            )}
          </Flex>
        </Card>
      ))}
      {!disabled && (
        <Space wrap>
          {QUESTION_KINDS.map((k) => (
            <Button key={k} icon={<PlusOutlined />} onClick={() => onChange([...value, blankQuestion(k)])}>
              {t(`surveys.kind.${k}`)}
            </Button>
          ))}
        </Space>
      )}
    </Flex>
  );
}
