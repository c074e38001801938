import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { ApiFreeObject, ApiInt, ApiMap, ApiNestedList, ApiString } from '../../openapi/schema-props';
import { TaskSummaryResponse } from '../../tasks/dto/task.response';

export class ChoiceResponse {
  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }],
    description: 'the value the payload field takes',
  })
  value: string | number | boolean;
  @ApiString({ description: 'its Vietnamese label', example: 'Sơ kết quý 1' }) label: string;
}

@ApiExtraModels(ChoiceResponse)
export class AvailableActionResponse {
  @ApiString({ example: 'submitReviewReport' }) name: string;
  @ApiString({
    description: "the name of the action's payload schema in this document's components.schemas",
    example: 'SubmitReviewReportPayload',
  })
  schema: string;
  @ApiFreeObject({
    description:
      'payload fields the form starts with, from the state (e.g. the open review, the registration to revise)',
  })
  prefill: Record<string, unknown>;
  @ApiMap(
    { type: 'array', items: { $ref: getSchemaPath(ChoiceResponse) } },
    {
      optional: true,
      description: 'per payload field, the values it may take now with their labels (absent when none)',
    },
  )
  choices?: Record<string, ChoiceResponse[]>;
}

export class AvailableActionsResponse {
  @ApiNestedList(() => AvailableActionResponse, {
    description: 'the actions the caller may take now, in the workflow’s order; empty once it has finished',
  })
  actions: AvailableActionResponse[];
}

/** A row of the caller's own tasks, with the actions they may take on it now. */
export class MyTaskSummaryResponse extends TaskSummaryResponse {
  @ApiProperty({
    type: [String],
    description: 'names of the actions the caller may take on the task now (empty when finished or not answered)',
    example: ['reportProgress', 'requestExtension', 'submitResult'],
  })
  actions: string[];
}

/** `GET /tasks`: the caller's own tasks, each with its actions. */
export class MyTaskPageResponse {
  @ApiNestedList(() => MyTaskSummaryResponse) items: MyTaskSummaryResponse[];
  @ApiInt() total: number;
  @ApiInt() page: number;
  @ApiInt() pageSize: number;
}
