import { type DateFormat, dateSql, type Field, numberSql } from './detect/index.js';
import type { ImportPlan } from './plan.js';

/**
 * SQL expressions that turn the staged VARCHAR columns into typed values. Only generated column names
 * (c0, c1…) and fixed format templates are placed into SQL; values from the file never are.
 */
export interface LineExpressions {
  customerId: string;
  customerName: string;
  date: string;
  amount: string;
  cost: string;
  margin: string;
  quantity: string;
  unitPrice: string;
  text: (field: Field) => string;
  raw: (field: Field) => string | null;
}

export function lineExpressions(plan: ImportPlan, dateFormat: DateFormat): LineExpressions {
  const raw = (field: Field) => {
    const index = plan.columns[field];
    return index === undefined ? null : `c${index}`;
  };
  const text = (field: Field) => {
    const column = raw(field);
    return column ? `NULLIF(trim(${column}), '')` : 'NULL';
  };
  const number = (field: Field) => {
    const column = raw(field);
    return column ? numberSql(column, plan.numberStyle) : 'NULL';
  };
  const quantity = number('quantity');
  const unitPrice = number('unit_price');
  const amount =
    plan.columns.amount !== undefined
      ? number('amount')
      : `CAST(round(${quantity} * ${unitPrice}, 4) AS DECIMAL(18,4))`;
  const dateColumn = raw('date');
  return {
    customerId: text('customer_id'),
    customerName: text('customer_name'),
    date: dateColumn ? dateSql(dateColumn, dateFormat) : 'NULL',
    amount,
    cost: number('cost'),
    margin: number('margin'),
    quantity,
    unitPrice,
    text,
    raw,
  };
}
