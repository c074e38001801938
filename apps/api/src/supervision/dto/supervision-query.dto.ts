import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { Phase } from '@app/domain';
import { PageQuery } from '../../common/pagination.query';

export const OUTPUT_FORMATS = ['json', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Paging (the API's PageQuery) and the output format shared by every supervision list. */
export class PagedQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: OUTPUT_FORMATS,
    default: 'json',
    description:
      'csv: UTF-8 with BOM, up to 5,000 rows a file (lineage: 100 programmes); page picks which, pageSize is for JSON. X-Total-Count gives the whole count and Link rel="next" the next page when there is one',
  })
  @IsOptional()
  @IsIn(OUTPUT_FORMATS)
  format: OutputFormat = 'json';
}

/** A committee (unit subtree) and a term, both optional: the caller's own scope by default. */
export class CommitteeTermQuery extends PagedQuery {
  @ApiPropertyOptional({ description: 'unit id of the committee; defaults to the one you supervise', example: 'hg-tu' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  committeeId?: string;

  @ApiPropertyOptional({ example: '2020-2025' })
  @IsOptional()
  @Matches(/^(19|20)\d{2}-(19|20)\d{2}$/, { message: 'term must look like 2020-2025' })
  term?: string;
}

export const OVERVIEW_LISTS = [
  'phases',
  'byUnit',
  'byMemberInCharge',
  'byFieldGroup',
  'overdueTrend',
  'achievement',
] as const;
export type OverviewList = (typeof OVERVIEW_LISTS)[number];

export class OverviewQuery extends CommitteeTermQuery {
  @ApiPropertyOptional({ enum: OVERVIEW_LISTS, description: 'with format=csv: which list to export (required then)' })
  @IsOptional()
  @IsIn(OVERVIEW_LISTS)
  list?: OverviewList;
}

export const PROGRAMME_LIST_VIEWS = ['current', 'asBefore'] as const;

export class ProgrammesQuery extends CommitteeTermQuery {
  @ApiPropertyOptional({ enum: Phase })
  @IsOptional()
  @IsEnum(Phase)
  phase?: Phase;

  @ApiPropertyOptional({
    enum: PROGRAMME_LIST_VIEWS,
    default: 'current',
    description:
      'asBefore: each programme under the unit that issued it before any restructuring, grouped by that unit',
  })
  @IsOptional()
  @IsIn(PROGRAMME_LIST_VIEWS)
  view: (typeof PROGRAMME_LIST_VIEWS)[number] = 'current';
}

export const RESPONSIVENESS_SUBJECTS = ['unit', 'person'] as const;

export class ResponsivenessQuery extends CommitteeTermQuery {
  @ApiPropertyOptional({ enum: RESPONSIVENESS_SUBJECTS, default: 'unit' })
  @IsOptional()
  @IsIn(RESPONSIVENESS_SUBJECTS)
  by: (typeof RESPONSIVENESS_SUBJECTS)[number] = 'unit';
}

export class LineageQuery extends PagedQuery {
  @ApiPropertyOptional({ description: 'from a resolution down: its code', example: '13-NQ/TW' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  resolution?: string;

  @ApiPropertyOptional({ description: 'from a task up: its id' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  taskId?: string;

  @ApiPropertyOptional({ description: 'from a programme (with targetCode: from a target) up and down' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  programmeId?: string;

  @ApiPropertyOptional({ description: 'a target code of programmeId' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  targetCode?: string;
}
