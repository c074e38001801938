/** What `GET /organisation/units/:id/open-work` answers. */
import { Phase, TaskStatus } from '@app/domain';
import {
  ApiDateTime,
  ApiEnum,
  ApiInt,
  ApiNestedList,
  ApiNullableString,
  ApiString,
} from '../../../openapi/schema-props';

export class OpenProgrammeResponse {
  @ApiString() id: string;
  @ApiNullableString({ description: 'null when the programme is restricted and its content is not yours' })
  title: string | null;
  @ApiNullableString() documentNumber: string | null;
  @ApiEnum(Phase) phase: string;
}

export class OpenTaskResponse {
  @ApiString() id: string;
  @ApiString() code: string;
  @ApiString({ description: "a placeholder when the task's programme is restricted and its content is not yours" })
  title: string;
  @ApiNullableString() programmeId: string | null;
  @ApiString() responsibleUnitId: string;
  @ApiString() issuingUnitId: string;
  @ApiEnum(TaskStatus) status: string;
  @ApiDateTime() dueAt: string;
}

export class OpenWorkResponse {
  @ApiString() unitId: string;
  @ApiNestedList(() => OpenProgrammeResponse, {
    description: 'programmes the unit issued that are not closed, cancelled or superseded, by id; at most the cap',
  })
  programmes: OpenProgrammeResponse[];
  @ApiInt({ description: 'how many open programmes there are (more than listed when past the cap)' })
  programmesTotal: number;
  @ApiNestedList(() => OpenTaskResponse, {
    description:
      'tasks the unit issued or is responsible for that are not done or cancelled, by due date then id; at most the cap',
  })
  tasks: OpenTaskResponse[];
  @ApiInt({ description: 'how many open tasks there are (more than listed when past the cap)' })
  tasksTotal: number;
}
